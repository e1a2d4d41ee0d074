package io.octopuses.octopus.transport;

import java.io.InputStream;

import feign.Headers;
import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.ArtifactResource;
import io.octopuses.octopus.resources.PackageResource;
import io.octopuses.octopus.resources.ResourceCollection;

/**
 * The Feign half of {@link io.octopuses.octopus.areas.PackagesApi} and
 * {@link io.octopuses.octopus.areas.ArtifactsApi}, targeted at a space's root; uploads go through
 * {@link StreamingUploads}.
 */
final class FeignPackages {

    private FeignPackages() {
    }

    interface Packages {

        @RequestLine("GET /packages?nuGetPackageId={packageId}&latest={latest}&skip={skip}&take={take}")
        ResourceCollection<PackageResource> list(@Param("packageId") String packageId,
                                                 @Param("latest") Boolean latest,
                                                 @Param("skip") Integer skip, @Param("take") Integer take);

        @RequestLine("GET /packages/{id}")
        PackageResource get(@Param("id") String id);

        @RequestLine("DELETE /packages/{id}")
        void delete(@Param("id") String id);

        @RequestLine("GET /packages/{id}/raw")
        @Headers("Accept: application/octet-stream, */*")
        InputStream download(@Param("id") String id);
    }

    interface Artifacts {

        @RequestLine("GET /artifacts?regarding={regarding}&skip={skip}&take={take}")
        ResourceCollection<ArtifactResource> list(@Param("regarding") String regarding,
                                                  @Param("skip") Integer skip, @Param("take") Integer take);

        @RequestLine("GET /artifacts/{id}")
        ArtifactResource get(@Param("id") String id);

        @RequestLine("POST /artifacts")
        ArtifactResource create(ArtifactResource artifact);

        @RequestLine("DELETE /artifacts/{id}")
        void delete(@Param("id") String id);

        @RequestLine("GET /artifacts/{id}/content")
        @Headers("Accept: application/octet-stream, */*")
        InputStream download(@Param("id") String id);
    }
}
