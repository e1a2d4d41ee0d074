-- Bundle retention (docs/bundle-format.md, "In Octopuses", Retention): the file of a bundle is removed
-- octopuses.bundles.retention after it expired; its row stays, so a received bundle id is still never accepted
-- twice and both lists still show it. Portable SQL: H2 and MySQL/MariaDB.
ALTER TABLE bundle_received ADD file_removed_at TIMESTAMP(3) NULL;
ALTER TABLE bundle_outbox ADD file_removed_at TIMESTAMP(3) NULL;
