-- Key-project progress rows against the plan: the project each row resolved to, the stage the
-- report planned for the year against the stage reached, and the investment completed against
-- the annual plan pro rata by elapsed months. Status thresholds come from attainment_thresholds.
with progress as (
    select * from {{ ref('stg_feeds__project_progress') }}
),

resolved as (
    select * from {{ ref('int_feed_projects_resolved') }}
),

milestones as (
    select * from {{ ref('fct_project_milestone') }}
),

thresholds as (
    select * from {{ ref('int_attainment_thresholds_pivoted') }}
),

stage_ranks as (
    select * from (values ('preparatory', 1), ('start', 2), ('construction', 3), ('completed', 4)) as t(stage, stage_rank)
),

planned as (
    -- The most advanced stage any report plans for the project in the year.
    select
        milestones.project_key,
        milestones.milestone_year,
        arg_max(milestones.stage, stage_ranks.stage_rank) as planned_stage,
        max(stage_ranks.stage_rank) as planned_rank
    from milestones
    inner join stage_ranks
        on milestones.stage = stage_ranks.stage
    group by milestones.project_key, milestones.milestone_year
),

joined as (
    select
        progress.*,
        resolved.project_key,
        resolved.region_code,
        resolved.match_status,
        resolved.match_score,
        case when resolved.match_status = 'matched' then resolved.candidate_name end as matched_project_name,
        planned.planned_stage,
        planned.planned_rank,
        reached.stage_rank as reached_rank,
        month(progress.period_end) / 12.0 as expected_share,
        progress.completed_investment_yuan / nullif(progress.annual_planned_investment_yuan, 0) as investment_share
    from progress
    left join resolved
        on progress.project_name = resolved.project_name
        and progress.county_name is not distinct from resolved.county_name
    left join planned
        on resolved.project_key = planned.project_key
        and year(progress.period_end) = planned.milestone_year
    left join stage_ranks as reached
        on progress.stage_reached = reached.stage
),

rated as (
    select
        *,
        investment_share / expected_share as attainment_ratio
    from joined
),

final as (
    select
        rated.feed_row_id as progress_key,
        rated.project_key,
        rated.region_code,
        rated.project_name as project_name_in_feed,
        rated.matched_project_name,
        rated.county_name,
        rated.match_status,
        rated.match_score,
        rated.period_label,
        rated.period_start,
        rated.period_end,
        month(rated.period_end) as months_elapsed,
        rated.total_investment_yuan,
        rated.annual_planned_investment_yuan,
        rated.completed_investment_yuan,
        rated.stage_text,
        rated.stage_reached,
        rated.planned_stage,
        round(rated.investment_share, 4) as investment_share,
        round(rated.expected_share, 4) as expected_share,
        round(rated.attainment_ratio, 4) as attainment_ratio,
        case
            -- A start or completion the plan promised and the feed reports is the plan kept.
            when rated.planned_stage in ('start', 'completed') and rated.reached_rank >= rated.planned_rank then 'met'
            when rated.investment_share is null then 'no_data'
            when rated.attainment_ratio >= thresholds.on_track_min_ratio then 'on_track'
            when rated.attainment_ratio >= thresholds.at_risk_min_ratio then 'at_risk'
            else 'off_track'
        end as status,
        row_number() over (
            partition by rated.project_name, rated.county_name
            order by rated.period_end desc, rated.period_months desc, rated.file_path, rated.row_number
        ) = 1 as is_latest,
        rated.file_path,
        rated.file_hash,
        rated.row_number
    from rated
    cross join thresholds
)

select * from final
