-- One row per plan target: its latest actual from the feeds, what should have been reached by
-- then, the attainment ratio and a status.
--   expected to date: counts and amounts (flows) pro rata by the months the actual covers;
--                     levels, ratios and growth rates the target itself (growth compared with
--                     cumulative year-on-year growth).
--   <= / < targets:   met while under the bound; over it, at_risk within at_risk_min_ratio
--                     (ratio = bound / actual), else off_track.
--   other targets:    met once a flow reaches the annual target or a full-year figure satisfies
--                     it; otherwise on_track / at_risk / off_track by actual / expected against
--                     the attainment_thresholds seed; a full-year figure short of it is off_track.
--   no_data:          qualitative or pp-change targets, or no actual in the target's indicator,
--                     measure, base unit, region and year.
-- published_target_text: the target as a target-versus-actual table states it, and whether the
-- extraction library read it as the same comparator and value as the plan.
with targets as (
    select * from {{ ref('fct_target') }}
),

indicator_actuals as (
    select * from {{ ref('fct_indicator_actual') }}
),

actuals as (
    select * from indicator_actuals
    where indicator_key is not null
        and region_code is not null
),

target_tables as (
    select * from {{ ref('stg_feeds__target_actuals') }}
    where parsed_target_comparator is not null
),

-- What a planning office's target-versus-actual table says the target is, as the extraction
-- library read its text, resolved through the table row's own actual to the plan's indicator.
published_targets as (
    select
        indicator_actuals.indicator_key,
        indicator_actuals.region_code,
        indicator_actuals.period_year,
        target_tables.target_text,
        target_tables.parsed_target_comparator,
        target_tables.parsed_target_value_base
    from target_tables
    inner join indicator_actuals
        on target_tables.file_path = indicator_actuals.file_path
        and target_tables.row_number = indicator_actuals.row_number
        and indicator_actuals.measure = case when target_tables.parsed_target_kind = 'growth' then 'growth' else 'value' end
    where indicator_actuals.indicator_key is not null
    qualify row_number() over (
        partition by indicator_actuals.indicator_key, indicator_actuals.region_code, indicator_actuals.period_year
        order by target_tables.period_end desc, target_tables.file_path, target_tables.row_number
    ) = 1
),

thresholds as (
    select * from {{ ref('int_attainment_thresholds_pivoted') }}
),

targets_prepared as (
    select
        * replace (coalesce(base_unit, '') as base_unit),
        case when comparator = 'between' then value_base_min else value_base end as target_value,
        case when comparator in ('<=', '<') then 'upper_bound' else 'lower_bound' end as direction,
        case when kind = 'growth' then 'growth' else 'value' end as measure,
        kind in ('count', 'amount') as is_flow,
        comparator not in ('qualitative', '?')
            and kind not in ('qualitative', 'change')
            and coalesce(value_base, value_base_min) is not null as is_comparable
    from targets
),

candidates as (
    select
        targets_prepared.target_key,
        actuals.*
    from targets_prepared
    inner join actuals
        on targets_prepared.indicator_key = actuals.indicator_key
        and targets_prepared.region_code = actuals.region_code
        and targets_prepared.target_year = actuals.period_year
        and targets_prepared.measure = actuals.measure
        and targets_prepared.base_unit = coalesce(actuals.base_unit, '')
    where targets_prepared.is_comparable
        and actuals.value_base is not null
),

latest as (
    select
        *,
        count(*) over (partition by target_key) as n_actuals
    from candidates
    qualify row_number() over (
        partition by target_key
        order by period_end desc, period_months desc, feed_name, actual_key
    ) = 1
),

any_series as (
    select distinct targets_prepared.target_key
    from targets_prepared
    inner join actuals
        on targets_prepared.indicator_key = actuals.indicator_key
        and targets_prepared.region_code = actuals.region_code
        and targets_prepared.target_year = actuals.period_year
),

measured as (
    select
        targets_prepared.*,
        latest.actual_key,
        latest.value_base as actual_value,
        latest.period_label as actual_period_label,
        latest.period_end as actual_period_end,
        latest.period_months as actual_period_months,
        latest.feed_name as actual_feed_name,
        coalesce(latest.n_actuals, 0) as n_actuals,
        published_targets.target_text as published_target_text,
        published_targets.parsed_target_comparator = targets_prepared.comparator
            and abs(published_targets.parsed_target_value_base - targets_prepared.target_value)
                <= 1e-6 * greatest(abs(targets_prepared.target_value), 1) as published_target_agrees,
        any_series.target_key is not null as has_series,
        case
            when targets_prepared.is_flow then targets_prepared.target_value * latest.period_months / 12.0
            else targets_prepared.target_value
        end as expected_to_date,
        case
            when targets_prepared.is_flow then latest.period_months = 12
            else month(latest.period_end) = 12
        end as is_final
    from targets_prepared
    left join latest
        on targets_prepared.target_key = latest.target_key
    left join any_series
        on targets_prepared.target_key = any_series.target_key
    left join published_targets
        on targets_prepared.indicator_key = published_targets.indicator_key
        and targets_prepared.region_code = published_targets.region_code
        and targets_prepared.target_year = published_targets.period_year
),

rated as (
    select
        measured.*,
        case
            when actual_value is null then null
            when direction = 'upper_bound' then
                case when actual_value > 0 then expected_to_date / actual_value end
            when expected_to_date > 0 then actual_value / expected_to_date
        end as attainment_ratio,
        case
            when comparator = '>' then actual_value > target_value
            else actual_value >= target_value
        end as reaches_target,
        case
            when comparator = '<' then actual_value < expected_to_date
            else actual_value <= expected_to_date
        end as within_bound
    from measured
),

statused as (
    select
        rated.*,
        case
            when not is_comparable or actual_value is null then 'no_data'
            when direction = 'upper_bound' then
                case
                    when within_bound then 'met'
                    when is_final then 'off_track'
                    when attainment_ratio >= thresholds.at_risk_min_ratio then 'at_risk'
                    else 'off_track'
                end
            when (is_flow or is_final) and reaches_target then 'met'
            when is_final then 'off_track'
            when attainment_ratio is null then case when actual_value >= expected_to_date then 'on_track' else 'off_track' end
            when attainment_ratio >= thresholds.on_track_min_ratio then 'on_track'
            when attainment_ratio >= thresholds.at_risk_min_ratio then 'at_risk'
            else 'off_track'
        end as status,
        case
            when not is_comparable then 'target has no figure to compare (qualitative, unclear or a change in points)'
            when actual_value is null and has_series then 'feed figures exist for the indicator but not in the measure or base unit of the target'
            when actual_value is null then 'no feed figure for this indicator, region and year'
            when direction = 'upper_bound' then 'upper bound: met while the actual stays within it'
            when is_flow then 'cumulative flow: expected to date is the annual target pro rata by months covered'
            when measure = 'growth' then 'growth: cumulative year-on-year growth against the target rate'
            else 'level: latest value against the target level'
        end as status_reason
    from rated
    cross join thresholds
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
        measure,
        target_value,
        base_unit,
        actual_key,
        actual_value,
        actual_period_label,
        actual_period_end,
        actual_period_months,
        actual_feed_name,
        n_actuals,
        has_series,
        round(expected_to_date, 6) as expected_to_date,
        round(attainment_ratio, 4) as attainment_ratio,
        coalesce(is_final, false) as is_final,
        published_target_text,
        published_target_agrees,
        status,
        status_reason
    from statused
)

select * from final
