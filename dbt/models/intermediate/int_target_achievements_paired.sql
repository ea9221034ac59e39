{{ config(materialized='table') }}
-- Every target paired with each achievement a LATER document reports for the same region,
-- canonical indicator and year: the 2025 report's review of 2024 (国内生产总值增长5%) against
-- the 2024 report's target (国内生产总值增长5%左右). Keys and match features only; which pair
-- speaks for a target, and whether it was met, is decided in fct_target_outcome.
with quantities as (
    select * from {{ ref('int_quantities_canonicalised') }}
),

targets as (
    select * from quantities
    where record_type = 'target'
),

achievements as (
    select * from quantities
    where record_type = 'achievement'
),

paired as (
    select
        targets.record_id as target_key,
        achievements.record_id as achievement_key,
        achievements.document_id as achievement_document_key,
        achievements.plan_year as achievement_document_year,
        coalesce(targets.base_unit, '') = coalesce(achievements.base_unit, '') as same_base_unit,
        achievements.comparator = 'qualitative' as is_qualitative,
        achievements.char_start as achievement_char_start
    from targets
    inner join achievements
        on targets.region_code = achievements.region_code
        and targets.indicator_key = achievements.indicator_key
        and targets.record_year = achievements.record_year
        and targets.document_id <> achievements.document_id
        and achievements.plan_year > targets.plan_year
),

final as (
    select * from paired
)

select * from final
