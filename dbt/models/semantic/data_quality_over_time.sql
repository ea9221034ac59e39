-- Data quality over time, tidy: one row per moment × source × check group × outcome with a count.
--   quarantine:   rows and files set aside (marts.review_quarantine), per day and source kind.
--   validation:   expectation outcomes per run and gate, from audit.validation_results (quality
--                 gates) when the build database has it.
--   pipeline_run: runs per outcome (published, blocked, failed …), from audit.pipeline_runs when
--                 the build database has it.
-- The audit tables are written by the pipeline outside dbt; each part joins the union only when
-- its table exists with the columns used, so the view builds (and publishes) without them.
{%- set validation_results = adapter.get_relation(database=this.database, schema='audit', identifier='validation_results') -%}
{%- set validation_runs = adapter.get_relation(database=this.database, schema='audit', identifier='validation_runs') -%}
{%- set pipeline_runs = adapter.get_relation(database=this.database, schema='audit', identifier='pipeline_runs') -%}
{%- set ns = namespace(result_columns=[], run_columns=[], pipeline_columns=[]) -%}
{%- if validation_results is not none -%}
    {%- set ns.result_columns = adapter.get_columns_in_relation(validation_results) | map(attribute='name') | list -%}
{%- endif -%}
{%- if validation_runs is not none -%}
    {%- set ns.run_columns = adapter.get_columns_in_relation(validation_runs) | map(attribute='name') | list -%}
{%- endif -%}
{%- if pipeline_runs is not none -%}
    {%- set ns.pipeline_columns = adapter.get_columns_in_relation(pipeline_runs) | map(attribute='name') | list -%}
{%- endif -%}
{%- set run_started = (['started_at', 'started'] | select('in', ns.run_columns) | list) -%}
{%- set use_validation = ['run_id', 'gate', 'outcome'] | reject('in', ns.result_columns) | list | length == 0
        and 'run_id' in ns.run_columns and run_started | length > 0 -%}
{%- set use_pipeline = ['run_id', 'started_at', 'outcome'] | reject('in', ns.pipeline_columns) | list | length == 0 %}
with quarantine as (
    select * from {{ published_ref('review_quarantine') }}
),

quarantined as (
    select
        cast(date_trunc('day', quarantined_at) as timestamp) as observed_at,
        cast(null as varchar) as run_id,
        'quarantine' as source,
        split_part(source_kind, ':', 1) as check_group,
        'quarantined' as outcome,
        cast(count(*) as bigint) as n
    from quarantine
    group by date_trunc('day', quarantined_at), split_part(source_kind, ':', 1)
),

{% if use_validation %}
validated as (
    select
        runs.{{ run_started[0] }}::timestamp as observed_at,
        results.run_id,
        'validation' as source,
        results.gate as check_group,
        results.outcome,
        cast(count(*) as bigint) as n
    from audit.validation_results as results
    inner join audit.validation_runs as runs
        on results.run_id = runs.run_id
        {%- if 'gate' in ns.run_columns %}
        and results.gate = runs.gate
        {%- endif %}
    group by all
),
{% endif %}

{% if use_pipeline %}
runs as (
    select
        started_at::timestamp as observed_at,
        run_id,
        'pipeline_run' as source,
        'pipeline' as check_group,
        outcome,
        cast(count(*) as bigint) as n
    from audit.pipeline_runs
    group by all
),
{% endif %}

unioned as (
    select * from quarantined
    {% if use_validation %}union all by name select * from validated{% endif %}
    {% if use_pipeline %}union all by name select * from runs{% endif %}
),

final as (
    select
        md5(concat_ws('|', observed_at, coalesce(run_id, ''), source, coalesce(check_group, ''), outcome)) as quality_point_key,
        observed_at,
        cast(observed_at as date) as observed_on,
        run_id,
        source,
        coalesce(check_group, '') as check_group,
        outcome,
        n
    from unioned
)

select * from final
