package io.octopuses.octopus.transport;

import java.io.InputStream;

import feign.Headers;
import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.ArtifactResource;
import io.octopuses.octopus.resources.PackageResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** The Feign half of {@link io.octopuses.octopus.areas.PackagesApi} and {@link io.octopuses.octopus.areas.ArtifactsApi}; uploads go through {@link StreamingUploads}. */
final class FeignPackages {

    private FeignPackages() {
    }

    interface Packages {

        @RequestLine("GET /api/{spaceId}/packages?nuGetPackageId={packageId}&latest={latest}&skip={skip}&take={take}")
        ResourceCollection<PackageResource> list(@Param("spaceId") String spaceId,
                                                 @Param("packageId") String packageId,
                                                 @Param("latest") Boolean latest,
                                                 @Param("skip") Integer skip, @Param("take") Integer take);

        @RequestLine("GET /api/{spaceId}/packages/{id}")
        PackageResource get(@Param("spaceId") String spaceId, @Param("id") String id);

        @RequestLine("DELETE /api/{spaceId}/packages/{id}")
        void delete(@Param("spaceId") String spaceId, @Param("id") String id);

        @RequestLine("GET /api/{spaceId}/packages/{id}/raw")
        @Headers("Accept: application/octet-stream, */*")
        InputStream download(@Param("spaceId") String spaceId, @Param("id") String id);
    }

    interface Artifacts {

        @RequestLine("GET /api/{spaceId}/artifacts?regarding={regarding}&skip={skip}&take={take}")
        ResourceCollection<ArtifactResource> list(@Param("spaceId") String spaceId,
                                                  @Param("regarding") String regarding,
                                                  @Param("skip") Integer skip, @Param("take") Integer take);

        @RequestLine("GET /api/{spaceId}/artifacts/{id}")
        ArtifactResource get(@Param("spaceId") String spaceId, @Param("id") String id);

        @RequestLine("POST /api/{spaceId}/artifacts")
        ArtifactResource create(@Param("spaceId") String spaceId, ArtifactResource artifact);

        @RequestLine("DELETE /api/{spaceId}/artifacts/{id}")
        void delete(@Param("spaceId") String spaceId, @Param("id") String id);

        @RequestLine("GET /api/{spaceId}/artifacts/{id}/content")
        @Headers("Accept: application/octet-stream, */*")
        InputStream download(@Param("spaceId") String spaceId, @Param("id") String id);
    }
}
