package io.octopuses.access.request;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccessRequestRepository extends JpaRepository<AccessRequest, String> {

    List<AccessRequest> findByStatus(AccessRequestStatus status);

    List<AccessRequest> findByRequesterOrderByRequestedAtDesc(String requester);

    List<AccessRequest> findAllByOrderByRequestedAtDesc();

    List<AccessRequest> findByStatusIn(Collection<AccessRequestStatus> statuses);
}
