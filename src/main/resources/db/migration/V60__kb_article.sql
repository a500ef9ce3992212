-- Knowledge-base articles (knowledge feature), written by prevention tickets and shown on a public page.
CREATE TABLE kb_article (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    slug                 VARCHAR(120)  NOT NULL,
    title                VARCHAR(200)  NOT NULL,
    body                 TEXT          NOT NULL,
    tags                 VARCHAR(500)  NOT NULL,
    prevention_ticket_id BIGINT,
    created_at           TIMESTAMP(3)  NOT NULL,
    updated_at           TIMESTAMP(3)  NOT NULL,
    CONSTRAINT uk_kb_article_slug UNIQUE (slug)
);
CREATE INDEX ix_kb_article_ticket ON kb_article (prevention_ticket_id);
CREATE INDEX ix_kb_article_updated ON kb_article (updated_at, id);
