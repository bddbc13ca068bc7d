-- Questions auditors ask of the job database (PostgreSQL). Each query starts with a "-- name:" line.
-- Run one in psql with its variables set, e.g.
--   psql "$DB" -v advertiser_id=1 -v campaign_id=100 -v days=30 -f jobs/audit-queries.sql
-- or copy a query out. They read the views ringpool_job_summary and ringpool_error_summary and the
-- table ringpool_row_outcome (db/migration).

-- name: what_changed_for_campaign
-- Every pool the imports created, updated or deleted in one campaign over the last :days days.
SELECT o.recorded_at, o.job_execution_id, s.launched_by, o.id_from_network, o.action, o.status, o.file_name,
       o.line_number
FROM ringpool_row_outcome o
JOIN ringpool_job_summary s ON s.job_execution_id = o.job_execution_id
WHERE o.advertiser_id_from_network = :'advertiser_id'
  AND o.advertiser_campaign_id_from_network = :'campaign_id'
  AND o.status IN ('CREATED', 'UPDATED', 'DELETED')
  AND o.recorded_at >= CURRENT_TIMESTAMP - (CAST(:'days' AS INTEGER) * INTERVAL '1' DAY)
ORDER BY o.recorded_at, o.id_from_network;

-- name: rows_failing_repeatedly
-- Pools whose rows failed in more than one execution over the last :days days: the same problem
-- night after night, with the latest message.
SELECT o.advertiser_id_from_network, o.advertiser_campaign_id_from_network, o.id_from_network,
       COUNT(DISTINCT o.job_execution_id) AS failed_executions,
       MIN(o.recorded_at) AS first_failure,
       MAX(o.recorded_at) AS last_failure,
       MAX(o.message) AS a_message
FROM ringpool_row_outcome o
WHERE o.status IN ('INVALID', 'REJECTED', 'FAILED')
  AND o.id_from_network IS NOT NULL
  AND o.recorded_at >= CURRENT_TIMESTAMP - (CAST(:'days' AS INTEGER) * INTERVAL '1' DAY)
GROUP BY o.advertiser_id_from_network, o.advertiser_campaign_id_from_network, o.id_from_network
HAVING COUNT(DISTINCT o.job_execution_id) > 1
ORDER BY failed_executions DESC, o.id_from_network;

-- name: who_ran_what
-- Every execution of the last :days days: who launched it, which job, its status and row counts.
SELECT s.job_execution_id, s.job_name, s.launched_by, s.status, s.exit_code, s.start_time, s.end_time,
       s.rows_recorded, s.created, s.updated, s.unchanged, s.deleted, s.invalid, s.rejected, s.failed
FROM ringpool_job_summary s
WHERE s.create_time >= CURRENT_TIMESTAMP - (CAST(:'days' AS INTEGER) * INTERVAL '1' DAY)
ORDER BY s.job_execution_id DESC;

-- name: top_errors
-- The most frequent failure messages over the last :days days.
SELECT e.status, e.message, SUM(e.row_count) AS rows_failed, COUNT(*) AS executions
FROM ringpool_error_summary e
JOIN ringpool_job_summary s ON s.job_execution_id = e.job_execution_id
WHERE s.create_time >= CURRENT_TIMESTAMP - (CAST(:'days' AS INTEGER) * INTERVAL '1' DAY)
GROUP BY e.status, e.message
ORDER BY rows_failed DESC
LIMIT 20;
