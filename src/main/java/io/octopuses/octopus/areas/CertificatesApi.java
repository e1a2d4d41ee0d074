package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;
import io.octopuses.octopus.resources.CertificateResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Certificates ({@code /api/{spaceId}/certificates}); the data and password are write-only. */
public interface CertificatesApi {

    @RequestLine("GET /certificates?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<CertificateResource> list(@Param("partialName") String partialName, @Param("skip") Integer skip,
                                   @Param("take") Integer take);

    /** Every item at once (a plain array): prefer it to paging. */
    @RequestLine("GET /certificates/all")
    List<CertificateResource> all();

    @RequestLine("GET /certificates/{id}")
    CertificateResource get(@Param("id") String id);

    @RequestLine("POST /certificates")
    CertificateResource create(CertificateResource body);

    @RequestLine("PUT /certificates/{id}")
    CertificateResource update(@Param("id") String id, CertificateResource body);

    @RequestLine("DELETE /certificates/{id}")
    void delete(@Param("id") String id);
}
