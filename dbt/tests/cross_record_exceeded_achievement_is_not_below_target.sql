-- Cross-record: an achievement whose text says 超额完成 while its value is below the same year's
-- target for the same indicator and region. Severity: a WARNING for any (the text or a figure is
-- misread, a reviewer decides which), BLOCKING above `cross_record_errors_allowed`.
{{ config(severity='error', warn_if='>0', error_if='>' ~ var('cross_record_errors_allowed', 20)) }}

with achievements as (
    select * from {{ ref('fct_achievement') }}
    where source_text like '%超额完成%' and value_base is not null
),

targets as (
    select * from {{ ref('fct_target') }}
    where value_base is not null and comparator in ('=', '>=', '>', '~')
),

final as (
    select
        achievements.achievement_key,
        targets.target_key,
        achievements.value_base as achieved,
        targets.value_base as target,
        achievements.source_text
    from achievements
    inner join targets
        on achievements.indicator_key = targets.indicator_key
        and achievements.region_code = targets.region_code
        and achievements.achievement_year = targets.target_year
        and achievements.base_unit = targets.base_unit
    where achievements.value_base < targets.value_base
)

select * from final
