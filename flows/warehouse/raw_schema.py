"""DDL of the `raw` schema: the one place where the loaded tables' columns are declared.

`raw` holds what ingestion and extraction produced, as is, with provenance; dbt staging reads only
these tables (dbt/models/staging/planwatch/_planwatch__sources.yml lists them).
"""
from __future__ import annotations

import duckdb

RAW_DDL = """
create schema if not exists raw;

create table if not exists raw.documents (
    doc_id            varchar primary key,
    source_path       varchar not null,
    content_hash      varchar not null,   -- sha256 of the file's bytes
    sidecar_hash      varchar,            -- sha256 of its <report>.meta.json, '' when it had none
    encoding          varchar,
    title             varchar,
    region            varchar,
    plan_year         integer,
    document_type     varchar,
    meeting_date      varchar,
    n_chars           integer,
    n_records         integer,
    extractor_version varchar not null,
    loaded_at         timestamp not null
);

create table if not exists raw.sections (
    doc_id      varchar not null,
    section_no  integer not null,
    level       integer not null,
    heading     varchar not null,
    path        varchar not null,
    char_start  integer not null,         -- offsets into the decoded original text
    char_end    integer not null,
    primary key (doc_id, section_no)
);

create table if not exists raw.records (
    record_id         varchar primary key,
    doc_id            varchar not null,
    record_no         integer not null,
    type              varchar not null,
    text              varchar not null,
    char_start        integer not null,   -- offsets into the decoded original text
    char_end          integer not null,
    section           varchar,
    year              integer,
    extractor_version varchar not null,
    indicator         varchar,
    value             double,
    value_min         double,
    value_max         double,
    unit              varchar,
    comparator        varchar,
    value_base        double,
    value_base_min    double,
    value_base_max    double,
    base_unit         varchar,
    kind              varchar,
    strength          varchar,
    name              varchar,
    stage             varchar,
    region            varchar,
    category          varchar,
    project_count     integer,
    total_investment  double,
    annual_investment double,
    confidence        double              -- 0–1, how sure the extractor is of the record
);

create table if not exists raw.unextracted_spans (
    doc_id      varchar not null,
    span_no     integer not null,
    char_start  integer not null,
    char_end    integer not null,
    text        varchar not null,
    section     varchar,
    primary key (doc_id, span_no)
);

-- Whatever could not be loaded, with a reason a person can act on: files and feed rows alike.
create table if not exists raw.quarantine (
    source_kind    varchar not null,      -- report | feed:<name>
    file_path      varchar not null,
    file_hash      varchar,
    row_number     integer,               -- null for a whole file
    column_name    varchar,
    reason         varchar not null,
    raw_value      varchar,
    quarantined_at timestamp not null
);

-- Reviewers' corrections that passed their contract (flows/corrections/contract.py), one per record
-- and field; refused rows are in raw.quarantine (source_kind corrections). Reloaded whole every run.
create table if not exists raw.corrections (
    source_file           varchar not null,   -- corrections/<name>.csv
    source_line           integer not null,   -- line of the file (the header is line 1)
    file_hash             varchar not null,
    record_key            varchar not null,   -- the mart's key of the record (= raw.records.record_id)
    field                 varchar not null,   -- the mart column corrected
    corrected_value       varchar not null,   -- as the reviewer wrote it
    corrected_text        varchar,            -- typed: for text, comparator, kind, stage and unit fields
    corrected_number      double,             -- typed: for number and integer fields
    corrected_base_unit   varchar,            -- for a unit: its base unit and factor (the unit table)
    corrected_unit_factor double,
    reviewer              varchar not null,
    reason                varchar not null,
    corrected_on          date not null,
    loaded_at             timestamp not null
);

create table if not exists raw.load_log (
    run_id       varchar not null,
    doc_id       varchar not null,
    content_hash varchar,
    action       varchar not null,        -- inserted | replaced | unchanged | quarantined
    logged_at    timestamp not null
);
"""


def ensure_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(RAW_DDL)
    # a warehouse made before records carried a confidence gains the column (rows reload with the
    # new extractor version and fill it)
    con.execute("alter table raw.records add column if not exists confidence double")
    # a warehouse made before sidecars were part of a report's version gains the column (null reads as
    # "no sidecar": reports with one reload once)
    con.execute("alter table raw.documents add column if not exists sidecar_hash varchar")
