{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_changed_documents('document_id') }}",
          post_hook=["{{ forget_built_documents() }}", "{{ remember_built_documents() }}"]) }}
-- depends_on: {{ ref('int_document_versions') }}
-- Row-level checks of the record contract: one row per record and failed check, with a reason a
-- reviewer can act on. Every check here is ROW-LEVEL: the record is set aside
-- (int_records_passed drops it, marts.review_quarantine lists it) and everything else publishes.
-- Failures of the whole (a missing table, a broken key, too many rows set aside) are decided by the
-- gates in flows/quality/, never here.
with records as (
    select * from {{ ref('int_records_corrected') }}
    where {{ document_needs_build('document_id') }}
),

base_units as (
    -- The extractor's unit table, plus % (a fraction) and '' (a bare ratio): flows/extract/units.py.
    -- coalesce: the seed reads an empty cell as null, and `not in` a list holding null is never true.
    select distinct coalesce(base_unit, '') as base_unit from {{ ref('units') }}
    union all select '%'
    union all select ''
),

quantities as (
    select * from records where record_type in ('target', 'achievement')
),

failures as (
    -- row-level: a figure without an indicator has no indicator key and cannot join dim_indicator.
    select record_id, 'indicator_present' as check_name, 'indicator' as column_name, null as raw_value,
           'the figure names no indicator, so it cannot be keyed to one' as reason
    from quantities where indicator_text is null

    union all
    -- row-level: a comparator outside the record contract.
    select record_id, 'comparator_known', 'comparator', comparator,
           'comparator ' || coalesce('"' || comparator || '"', 'missing') || ' is not one of ' || {{ "'" ~ record_comparators() | replace("'", "") ~ "'" }}
    from quantities where coalesce(comparator, '') not in {{ record_comparators() }}

    union all
    -- row-level: a kind outside the record contract.
    select record_id, 'kind_known', 'kind', kind,
           'kind ' || coalesce('"' || kind || '"', 'missing') || ' is not one of ' || {{ "'" ~ record_kinds() | replace("'", "") ~ "'" }}
    from quantities where coalesce(kind, '') not in {{ record_kinds() }}

    union all
    -- row-level: a unit outside the unit table.
    select record_id, 'base_unit_in_unit_table', 'base_unit', base_unit,
           'base unit "' || base_unit || '" (written "' || unit || '") is not in the unit table'
    from quantities where base_unit not in (select base_unit from base_units)

    union all
    -- row-level: a base unit that does not fit the kind (a growth target in 元, a count of money).
    select record_id, 'base_unit_fits_kind', 'base_unit', kind || ' in ' || base_unit,
           'a ' || kind || ' figure cannot be in "' || base_unit || '"'
    from quantities
    where (kind = 'growth' and base_unit not in ('%', 'pp', ''))
       or (kind = 'count' and base_unit in (select base_unit from {{ ref('units') }} where dimension = 'money'))

    union all
    -- row-level: a number that could not be put in base units.
    select record_id, 'value_in_base_units', 'value_base', cast(value as varchar),
           'a ' || comparator || ' figure has no value in base units'
    from quantities
    where value_base is null and coalesce(comparator, '') not in ('between', 'qualitative')

    union all
    -- row-level: a range needs its lower bound.
    select record_id, 'range_has_minimum', 'value_base_min', null,
           'a range (between) has no minimum'
    from quantities where comparator = 'between' and value_base_min is null

    union all
    -- row-level: a range whose minimum exceeds its maximum (5.5%—5% read backwards).
    select record_id, 'range_min_not_above_max', 'value_base_min', value_base_min || ' > ' || value_base_max,
           'range minimum ' || value_base_min || ' exceeds its maximum ' || value_base_max
    from quantities where value_base_min > value_base_max

    union all
    -- row-level: a rate or share outside -100…1000 % is a misread (a year or a count read as a rate);
    -- growth may pass 1000 % (增长17.2倍) but never falls below -100 %.
    select record_id, 'rate_in_plausible_band', 'value_base', cast(value_base as varchar),
           'a ' || kind || ' of ' || value_base || ' % is outside the plausible band for a rate'
    from quantities
    where base_unit = '%'
      and (value_base < -100 or (value_base > 1000 and coalesce(kind, '') != 'growth'))

    union all
    -- row-level: a year no plan can have.
    select record_id, 'year_plausible', 'year', cast(record_year as varchar),
           'year ' || record_year || ' is outside 1949–2100'
    from records where record_year not between 1949 and 2100

    union all
    -- row-level: provenance must point at a non-empty span of the original text.
    select record_id, 'span_not_empty', 'char_end', char_start || '-' || char_end,
           'the source span ' || char_start || '-' || char_end || ' is empty or inverted'
    from records where char_end <= char_start

    union all
    -- row-level: a project without a name has no project key.
    select record_id, 'project_named', 'name', null,
           'the project has no name, so it cannot be keyed'
    from records where record_type = 'project' and project_name is null

    union all
    -- row-level: a stage outside the record contract.
    select record_id, 'stage_known', 'stage', stage,
           'stage ' || coalesce('"' || stage || '"', 'missing') || ' is not one of ' || {{ "'" ~ record_stages() | replace("'", "") ~ "'" }}
    from records where record_type = 'project' and coalesce(stage, '') not in {{ record_stages() }}

    union all
    -- row-level: a portfolio counts at least one project.
    select record_id, 'portfolio_count_positive', 'project_count', cast(project_count as varchar),
           'a portfolio must count at least one project (count ' || coalesce(cast(project_count as varchar), 'missing') || ')'
    from records where record_type = 'portfolio' and coalesce(project_count, 0) < 1

    union all
    -- row-level: an investment total is never negative.
    select record_id, 'investment_not_negative', 'total_investment',
           coalesce(cast(total_investment as varchar), '') || ' / ' || coalesce(cast(annual_investment as varchar), ''),
           'a portfolio investment total is negative'
    from records
    where record_type = 'portfolio' and (total_investment < 0 or annual_investment < 0)
),

final as (
    select
        md5(failures.record_id || '|' || failures.check_name) as failure_id,
        failures.record_id,
        records.record_type,
        records.document_id,
        records.record_no,
        records.source_text,
        failures.check_name,
        failures.column_name,
        failures.raw_value,
        failures.reason
    from failures
    inner join records
        on failures.record_id = records.record_id
)

select * from final
