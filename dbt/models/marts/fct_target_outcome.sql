-- One row per target: the result a later document reports for the same region, canonical
-- indicator and year (the 2025 report's review of 2024 for a 2024 target), and a status.
--   met           the reported figure satisfies the target's comparator: >= / > / <= / < as
--                 written, a range between its bounds, ~ and = within the outcome_tolerances seed;
--                 a qualitative target is met only by a qualitative result.
--   missed        the reported figure contradicts it.
--   not_reported  no later document reports the indicator, or what it reports cannot settle the
--                 target (another unit, a bound on the wrong side, a qualitative or unclear target).
-- "About x" is two-sided unless the outcome_directions seed gives the indicator a direction: for a
-- lower-is-better one (城镇调查失业率5.5%左右, CPI涨幅2%左右) it is a cap, so any figure at or below
-- x + tolerance meets it; for a higher-is-better one (能耗降低2.5%左右) any figure at or above
-- x - tolerance does.
-- A reported "超过3%" is a bound, not a point: it settles ">= 2.5%" but not "~ 3.5%".
-- Where several later figures exist, one in the target's base unit from the earliest later
-- document speaks for it (n_reported counts them all).
with targets as (
    select * from {{ ref('fct_target') }}
),

achievements as (
    select * from {{ ref('fct_achievement') }}
),

pairs as (
    select * from {{ ref('int_target_achievements_paired') }}
),

tolerances as (
    select * from {{ ref('outcome_tolerances') }}
),

directions as (
    select * from {{ ref('outcome_directions') }}
),

-- Only achievements the fact table publishes can speak for a target.
published_pairs as (
    select
        pairs.*,
        count(*) over (partition by pairs.target_key) as n_reported
    from pairs
    inner join achievements
        on pairs.achievement_key = achievements.achievement_key
),

targets_prepared as (
    select
        *,
        comparator = 'qualitative' or kind = 'qualitative' as is_qualitative_target
    from targets
),

best_pair as (
    select published_pairs.*
    from published_pairs
    inner join targets_prepared
        on published_pairs.target_key = targets_prepared.target_key
    qualify row_number() over (
        partition by published_pairs.target_key
        order by
            published_pairs.is_qualitative = targets_prepared.is_qualitative_target desc,
            published_pairs.same_base_unit desc,
            published_pairs.achievement_document_year,
            published_pairs.achievement_document_key,
            published_pairs.achievement_char_start,
            published_pairs.achievement_key
    ) = 1
),

-- Where several rows match, a row for the target's own kind wins over '*', then the longer pattern.
direction_per_target as (
    select
        targets_prepared.target_key,
        directions.direction
    from targets_prepared
    inner join directions
        on targets_prepared.indicator_text like directions.indicator_pattern
        and directions.kind in (targets_prepared.kind, '*')
    qualify row_number() over (
        partition by targets_prepared.target_key
        order by directions.kind = '*', length(directions.indicator_pattern) desc, directions.indicator_pattern
    ) = 1
),

tolerance_per_target as (
    select
        targets_prepared.target_key,
        coalesce(by_unit.tolerance, any_unit.tolerance) as tolerance,
        coalesce(by_unit.tolerance_kind, any_unit.tolerance_kind) as tolerance_kind
    from targets_prepared
    left join tolerances as by_unit
        on targets_prepared.comparator = by_unit.comparator
        and coalesce(targets_prepared.base_unit, '') = by_unit.base_unit
    left join tolerances as any_unit
        on targets_prepared.comparator = any_unit.comparator
        and any_unit.base_unit = '*'
),

joined as (
    select
        targets_prepared.*,
        best_pair.achievement_key,
        best_pair.achievement_document_key,
        best_pair.same_base_unit,
        coalesce(best_pair.n_reported, 0) as n_reported,
        achievements.indicator_text as reported_indicator_text,
        achievements.comparator as reported_comparator,
        achievements.value as reported_value,
        achievements.value_min as reported_value_min,
        achievements.value_max as reported_value_max,
        achievements.unit as reported_unit,
        achievements.value_base as reported_value_base,
        achievements.value_base_min as reported_value_base_min,
        achievements.value_base_max as reported_value_base_max,
        achievements.base_unit as reported_base_unit,
        achievements.source_text as reported_source_text,
        case
            when tolerance_per_target.tolerance_kind = 'relative'
                then tolerance_per_target.tolerance * abs(targets_prepared.value_base)
            else tolerance_per_target.tolerance
        end as tolerance,
        coalesce(direction_per_target.direction, 'two_sided') as direction
    from targets_prepared
    left join best_pair
        on targets_prepared.target_key = best_pair.target_key
    left join achievements
        on best_pair.achievement_key = achievements.achievement_key
    left join tolerance_per_target
        on targets_prepared.target_key = tolerance_per_target.target_key
    left join direction_per_target
        on targets_prepared.target_key = direction_per_target.target_key
),

-- The target as bounds [lower, upper] and the reported figure as the interval it allows.
bounded as (
    select
        *,
        case
            when comparator in ('>=', '>') then value_base
            when comparator = '~' and direction = 'lower_is_better' then null
            when comparator in ('~', '=') then value_base - coalesce(tolerance, 0)
            when comparator = 'between' then value_base_min
        end as target_lower,
        case
            when comparator in ('<=', '<') then value_base
            when comparator = '~' and direction = 'higher_is_better' then null
            when comparator in ('~', '=') then value_base + coalesce(tolerance, 0)
            when comparator = 'between' then value_base_max
        end as target_upper,
        comparator = '>' as target_lower_strict,
        comparator = '<' as target_upper_strict,
        case
            when reported_comparator in ('=', '~', '>', '>=') then reported_value_base
            when reported_comparator = 'between' then reported_value_base_min
        end as reported_lower,
        case
            when reported_comparator in ('=', '~', '<', '<=') then reported_value_base
            when reported_comparator = 'between' then reported_value_base_max
        end as reported_upper,
        reported_comparator = '>' as reported_lower_strict,
        reported_comparator = '<' as reported_upper_strict,
        -- floating-point slack only: 5.0 reported against 5% is equal
        1e-9 * greatest(1, abs(coalesce(value_base, value_base_min, value_base_max, 0))) as epsilon
    from joined
),

compared as (
    select
        *,
        target_lower is null
            or reported_lower > target_lower + epsilon
            or (reported_lower >= target_lower - epsilon and (not target_lower_strict or reported_lower_strict))
            as reaches_lower,
        target_upper is null
            or reported_upper < target_upper - epsilon
            or (reported_upper <= target_upper + epsilon and (not target_upper_strict or reported_upper_strict))
            as stays_under_upper,
        reported_upper < target_lower - epsilon
            or (reported_upper <= target_lower + epsilon and (target_lower_strict or reported_upper_strict))
            as falls_short,
        reported_lower > target_upper + epsilon
            or (reported_lower >= target_upper - epsilon and (target_upper_strict or reported_lower_strict))
            as overshoots
    from bounded
),

statused as (
    select
        *,
        case
            when achievement_key is null then 'not_reported'
            when is_qualitative_target then
                case when reported_comparator = 'qualitative' then 'met' else 'not_reported' end
            when comparator = '?' or reported_comparator in ('qualitative', '?') then 'not_reported'
            when not same_base_unit then 'not_reported'
            when coalesce(reaches_lower, false) and coalesce(stays_under_upper, false) then 'met'
            when coalesce(falls_short, false) or coalesce(overshoots, false) then 'missed'
            else 'not_reported'
        end as status,
        case
            when achievement_key is null then 'no later document reports this indicator for this region and year'
            when is_qualitative_target and reported_comparator = 'qualitative' then 'qualitative target, qualitative result reported'
            when is_qualitative_target then 'qualitative target: only a qualitative result settles it'
            when comparator = '?' then 'the target''s comparator is unclear'
            when reported_comparator = 'qualitative' then 'only a qualitative result is reported'
            when reported_comparator = '?' then 'the reported figure''s comparator is unclear'
            when not same_base_unit then 'the result is reported in another unit'
            when coalesce(reaches_lower, false) and coalesce(stays_under_upper, false) then 'the reported figure satisfies the target'
            when coalesce(falls_short, false) then 'the reported figure is below the target'
            when coalesce(overshoots, false) then 'the reported figure is above the target'
            else 'the reported bound cannot settle the target'
        end as status_reason
    from compared
),

final as (
    select
        target_key,
        document_key,
        indicator_key,
        region_code,
        target_year,
        indicator_text,
        comparator,
        kind,
        value_base as target_value,
        value_base_min as target_value_min,
        value_base_max as target_value_max,
        base_unit,
        round(tolerance, 9) as tolerance,
        direction,
        achievement_key,
        achievement_document_key,
        reported_indicator_text,
        reported_comparator,
        reported_value,
        reported_value_min,
        reported_value_max,
        reported_unit,
        reported_value_base,
        reported_value_base_min,
        reported_value_base_max,
        reported_base_unit,
        reported_source_text,
        n_reported,
        status,
        status_reason
    from statused
)

select * from final
