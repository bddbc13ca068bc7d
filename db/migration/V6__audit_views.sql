-- Views for auditors: one row per job execution with its outcome counts, and the failures grouped by
-- message. jobs/audit-queries.sql builds on them. Plain SQL that PostgreSQL and H2 both run.

CREATE VIEW ringpool_job_summary AS
SELECT e.job_execution_id,
       e.job_instance_id,
       i.job_name,
       e.status,
       e.exit_code,
       e.create_time,
       e.start_time,
       e.end_time,
       (SELECT p.parameter_value FROM batch_job_execution_params p
         WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'launched_by') AS launched_by,
       COUNT(o.id) AS rows_recorded,
       SUM(CASE WHEN o.status = 'CREATED' THEN 1 ELSE 0 END) AS created,
       SUM(CASE WHEN o.status = 'UPDATED' THEN 1 ELSE 0 END) AS updated,
       SUM(CASE WHEN o.status = 'UNCHANGED' THEN 1 ELSE 0 END) AS unchanged,
       SUM(CASE WHEN o.status = 'DELETED' THEN 1 ELSE 0 END) AS deleted,
       SUM(CASE WHEN o.status = 'INVALID' THEN 1 ELSE 0 END) AS invalid,
       SUM(CASE WHEN o.status = 'REJECTED' THEN 1 ELSE 0 END) AS rejected,
       SUM(CASE WHEN o.status = 'FAILED' THEN 1 ELSE 0 END) AS failed
FROM batch_job_execution e
JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
LEFT JOIN ringpool_row_outcome o ON o.job_execution_id = e.job_execution_id
GROUP BY e.job_execution_id, e.job_instance_id, i.job_name, e.status, e.exit_code, e.create_time, e.start_time,
         e.end_time;

CREATE VIEW ringpool_error_summary AS
SELECT o.job_execution_id,
       o.status,
       o.message,
       COUNT(*) AS row_count,
       MIN(o.line_number) AS first_line,
       MAX(o.line_number) AS last_line
FROM ringpool_row_outcome o
WHERE o.status IN ('INVALID', 'REJECTED', 'FAILED')
GROUP BY o.job_execution_id, o.status, o.message;
