-- The suggested reply last offered on a case's task (assist feature), compared with the reply the agent sends.
CREATE TABLE assist_draft (
    case_reference VARCHAR(20)  NOT NULL PRIMARY KEY,
    draft          TEXT         NOT NULL,
    sources        VARCHAR(500) NOT NULL,
    offered_at     TIMESTAMP(3) NOT NULL
);
