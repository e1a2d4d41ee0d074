package io.octopuses.octopus.areas;

import java.util.List;

import feign.Param;
import feign.RequestLine;
import io.octopuses.octopus.resources.AccountResource;
import io.octopuses.octopus.resources.ResourceCollection;

/** Accounts ({@code /api/{spaceId}/accounts}); secrets are write-only. */
public interface AccountsApi {

    @RequestLine("GET /accounts?partialName={partialName}&skip={skip}&take={take}")
    ResourceCollection<AccountResource> list(@Param("partialName") String partialName, @Param("skip") Integer skip,
                                   @Param("take") Integer take);

    /** Every item at once (a plain array): prefer it to paging. */
    @RequestLine("GET /accounts/all")
    List<AccountResource> all();

    @RequestLine("GET /accounts/{id}")
    AccountResource get(@Param("id") String id);

    @RequestLine("POST /accounts")
    AccountResource create(AccountResource body);

    @RequestLine("PUT /accounts/{id}")
    AccountResource update(@Param("id") String id, AccountResource body);

    @RequestLine("DELETE /accounts/{id}")
    void delete(@Param("id") String id);
}
