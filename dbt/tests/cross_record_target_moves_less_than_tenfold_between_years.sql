-- Cross-record: the same indicator's target for one region moves less than tenfold between years
-- (catches 万/亿 slips). Severity: a WARNING for any pair (either year may be the wrong one, so no
-- row can be set aside), BLOCKING above `cross_record_errors_allowed` pairs: that many slips at
-- once is a unit table or an extractor gone wrong, a failure of the whole. Rates (base unit %) are left
-- out: a 万/亿 slip is a magnitude's, and a plan period's rate beside a year's is rightly tenfold
-- (外贸进出口总值翻一番 by 2030 = 100 % against 增长10%以上 in 2026).
{{ config(severity='error', warn_if='>0', error_if='>' ~ var('cross_record_errors_allowed', 20)) }}

with targets as (
    select * from {{ ref('fct_target') }}
    where comparator not in ('between', 'qualitative', '?')
      and value_base > 0
      and base_unit <> '%'
      and region_code is not null
),

yearly as (
    select indicator_key, region_code, base_unit, target_year, median(value_base) as value_base
    from targets
    group by indicator_key, region_code, base_unit, target_year
),

final as (
    select
        earlier.indicator_key,
        earlier.region_code,
        earlier.base_unit,
        earlier.target_year as earlier_year,
        earlier.value_base as earlier_value,
        later.target_year as later_year,
        later.value_base as later_value
    from yearly as earlier
    inner join yearly as later
        on earlier.indicator_key = later.indicator_key
        and earlier.region_code = later.region_code
        and earlier.base_unit = later.base_unit
        and later.target_year > earlier.target_year
    where later.value_base >= 10 * earlier.value_base
       or earlier.value_base >= 10 * later.value_base
)

select * from final
