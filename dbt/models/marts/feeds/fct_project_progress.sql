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

final as (
    select
        joined.feed_row_id as progress_key,
        joined.project_key,
        joined.region_code,
        joined.project_name as project_name_in_feed,
        joined.matched_project_name,
        joined.county_name,
        joined.match_status,
        joined.match_score,
        joined.period_label,
        joined.period_start,
        joined.period_end,
        month(joined.period_end) as months_elapsed,
        joined.total_investment_yuan,
        joined.annual_planned_investment_yuan,
        joined.completed_investment_yuan,
        joined.stage_text,
        joined.stage_reached,
        joined.planned_stage,
        round(joined.investment_share, 4) as investment_share,
        round(joined.expected_share, 4) as expected_share,
        round(joined.investment_share / joined.expected_share, 4) as attainment_ratio,
        case
            -- A start or completion the plan promised and the feed reports is the plan kept.
            when joined.planned_stage in ('start', 'completed') and joined.reached_rank >= joined.planned_rank then 'met'
            when joined.investment_share is null then 'no_data'
            when joined.investment_share / joined.expected_share >= thresholds.on_track_min_ratio then 'on_track'
            when joined.investment_share / joined.expected_share >= thresholds.at_risk_min_ratio then 'at_risk'
            else 'off_track'
        end as status,
        row_number() over (
            partition by joined.project_name, joined.county_name
            order by joined.period_end desc, joined.period_months desc, joined.file_path, joined.row_number
        ) = 1 as is_latest,
        joined.file_path,
        joined.file_hash,
        joined.row_number
    from joined
    cross join thresholds
)

select * from final
