package io.octopuses.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApiTokenRepository extends JpaRepository<ApiToken, String> {

    Optional<ApiToken> findBySecretHash(String secretHash);

    List<ApiToken> findByUserIdOrderByCreatedAtAsc(String userId);

    long countByUserIdAndExpiresAtAfter(String userId, Instant now);

    @Modifying
    @Query("delete from ApiToken t where t.expiresAt < :before")
    int deleteExpiredBefore(@Param("before") Instant before);

    @Query("select distinct t.userId from ApiToken t")
    List<String> findUserIds();

    @Modifying
    @Query("delete from ApiToken t where t.userId = :userId")
    int deleteAllOf(@Param("userId") String userId);

    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id")
    void markUsed(@Param("id") String id, @Param("now") Instant now);
}
