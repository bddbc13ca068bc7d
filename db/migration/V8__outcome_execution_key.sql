-- An outcome row named its job instance and its job execution with two foreign keys, and PostgreSQL checks
-- each key of each inserted row on its own. Inserting 20,000 outcomes inside PostgreSQL took 0.21 s with the
-- two keys, 0.15 s with one key over both columns, 0.08 s with none (bench/README.md, session 13). The one key
-- also says more than the two did: the execution is one of that instance's executions (the instance exists
-- by the execution's own key to it).
ALTER TABLE BATCH_JOB_EXECUTION ADD CONSTRAINT JOB_EXEC_OF_INSTANCE UNIQUE (JOB_EXECUTION_ID, JOB_INSTANCE_ID);

ALTER TABLE ringpool_row_outcome DROP CONSTRAINT ringpool_row_outcome_instance;
ALTER TABLE ringpool_row_outcome DROP CONSTRAINT ringpool_row_outcome_execution;
ALTER TABLE ringpool_row_outcome ADD CONSTRAINT ringpool_row_outcome_execution
    FOREIGN KEY (job_execution_id, job_instance_id)
    REFERENCES BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, JOB_INSTANCE_ID);
