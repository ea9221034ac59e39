{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_changed_documents('document_id') }}",
          post_hook=["{{ forget_built_documents() }}", "{{ remember_built_documents() }}"]) }}
-- depends_on: {{ ref('int_document_versions') }}
-- The extracted records with the reviewers' corrections applied (raw.corrections, at most one per
-- record and field). It sits right after staging so that the row-level checks
-- (int_record_check_failures) and every mart see the corrected record: a correction passes the same
-- gates as extracted data. A corrected value or unit puts the record's values in base units again.
with records as (
    select * from {{ ref('stg_planwatch__records') }}
    where {{ document_needs_build('document_id') }}
),

corrections as (
    select * from {{ ref('stg_planwatch__corrections') }}
),

units as (
    select * from {{ ref('units') }}
),

pivoted as (
    select
        record_key,
        {%- for field, storage in correction_fields().items() %}
        {%- if storage == 'text' %}
        max(corrected_text) filter (where field = '{{ field }}') as {{ field }},
        {%- elif storage == 'integer' %}
        cast(max(corrected_number) filter (where field = '{{ field }}') as integer) as {{ field }},
        {%- else %}
        max(corrected_number) filter (where field = '{{ field }}') as {{ field }},
        {%- endif %}
        {%- endfor %}
        max(corrected_base_unit) filter (where field = 'unit') as corrected_base_unit,
        max(corrected_unit_factor) filter (where field = 'unit') as corrected_unit_factor,
        bool_or(field in ('value', 'value_min', 'value_max', 'unit')) as rebase
    from corrections
    group by record_key
),

factored as (
    -- The factor that put the record's values in base units: the unit table's, else what the
    -- extractor's own figures imply (a magnitude such as 万吨 is no row of the table).
    select
        records.*,
        coalesce(units.factor,
                 records.value_base / nullif(records.value, 0),
                 records.value_base_min / nullif(records.value_min, 0),
                 records.value_base_max / nullif(records.value_max, 0),
                 1) as original_factor
    from records
    left join units
        on records.unit = units.unit
        and records.base_unit = coalesce(units.base_unit, '')
),

overlaid as (
    select
        factored.* exclude (original_factor) replace (
            {%- for field in correction_fields() %}
            coalesce(pivoted.{{ field }}, factored.{{ field }}) as {{ field }},
            {%- endfor %}
            coalesce(pivoted.corrected_base_unit, factored.base_unit) as base_unit
        ),
        coalesce(pivoted.corrected_unit_factor, factored.original_factor) as factor,
        coalesce(pivoted.rebase, false) as rebase,
        pivoted.record_key is not null as is_corrected
    from factored
    left join pivoted
        on factored.record_id = pivoted.record_key
),

final as (
    select
        overlaid.* exclude (factor, rebase) replace (
            case when rebase then {{ significant('value * factor') }} else value_base end as value_base,
            case when rebase then {{ significant('value_min * factor') }} else value_base_min end as value_base_min,
            case when rebase then {{ significant('value_max * factor') }} else value_base_max end as value_base_max
        )
    from overlaid
)

select * from final
