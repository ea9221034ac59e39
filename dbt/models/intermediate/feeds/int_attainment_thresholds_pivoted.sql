-- The attainment_thresholds seed (one row per threshold) as one row with a column per threshold:
-- the models that apply a threshold read it as a column, and its name is spelled only here.
with thresholds as (
    select * from {{ ref('attainment_thresholds') }}
),

final as (
    select
        max(value) filter (where threshold_name = 'on_track_min_ratio') as on_track_min_ratio,
        max(value) filter (where threshold_name = 'at_risk_min_ratio') as at_risk_min_ratio,
        max(value) filter (where threshold_name = 'project_match_min_score') as project_match_min_score,
        max(value) filter (where threshold_name = 'project_match_margin') as project_match_margin
    from thresholds
)

select * from final
