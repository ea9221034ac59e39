-- What the feeds say happened: one row per figure and measure, with the indicator and region it
-- resolved to. Unresolved figures keep a null key and their match status; review_feed_matches
-- lists them, so nothing is dropped and nothing is joined by guess.
with actuals as (
    select * from {{ ref('int_feed_actuals_unioned') }}
),

indicators as (
    select * from {{ ref('int_feed_indicators_resolved') }}
),

regions as (
    select * from {{ ref('int_feed_regions_resolved') }}
),

final as (
    select
        actuals.actual_id as actual_key,
        indicators.indicator_key,
        regions.region_code,
        actuals.feed_name,
        actuals.indicator_text,
        indicators.canonical_name,
        actuals.region_name,
        actuals.measure,
        actuals.period_label,
        actuals.period_start,
        actuals.period_end,
        actuals.period_months,
        actuals.is_cumulative,
        actuals.period_year,
        actuals.value,
        actuals.unit,
        actuals.value_base,
        actuals.base_unit,
        coalesce(indicators.match_status, 'unmatched') as indicator_match_status,
        coalesce(regions.match_status, 'unmatched') as region_match_status,
        actuals.source_text,
        actuals.file_path,
        actuals.file_hash,
        actuals.row_number
    from actuals
    left join indicators
        on actuals.indicator_text = indicators.indicator_text
        and actuals.measure = indicators.measure
    left join regions
        on actuals.region_name = regions.region_name
)

select * from final
