-- Each project a feed names (name as spelled + county) scored against every report project
-- (dim_project): name similarity of the normalised keys, less a penalty when the divisions
-- disagree. The best candidate is the match only at or above project_match_min_score and clear
-- of the runner-up by project_match_margin; otherwise the row is unmatched or ambiguous and goes
-- to review_feed_matches.
with feed_projects as (
    select
        project_name,
        county_name,
        count(*) as n_rows,
        min(file_path) as example_file_path,
        min(row_number) as example_row_number
    from {{ ref('stg_feeds__project_progress') }}
    group by project_name, county_name
),

report_projects as (
    select * from {{ ref('dim_project') }}
),

names as (
    select * from {{ ref('int_project_names_normalised') }}
),

feed_regions as (
    select * from {{ ref('int_feed_regions_resolved') }}
),

regions as (
    select * from {{ ref('regions') }}
),

thresholds as (
    select * from {{ ref('int_attainment_thresholds_pivoted') }}
),

feed_keyed as (
    select
        feed_projects.*,
        names.name_key,
        feed_regions.region_code,
        regions.parent_code
    from feed_projects
    left join names
        on feed_projects.project_name = names.project_name
    left join feed_regions
        on feed_projects.county_name = feed_regions.region_name
    left join regions
        on feed_regions.region_code = regions.region_code
),

report_keyed as (
    select
        report_projects.project_key,
        report_projects.project_name,
        report_projects.region_code,
        regions.parent_code,
        names.name_key
    from report_projects
    left join names
        on report_projects.project_name = names.project_name
    left join regions
        on report_projects.region_code = regions.region_code
),

scored as (
    select
        f.project_name,
        f.county_name,
        r.project_key,
        r.project_name as candidate_name,
        case
            when f.name_key = r.name_key then 1.0
            when least(length(f.name_key), length(r.name_key)) >= 4
                and (contains(f.name_key, r.name_key) or contains(r.name_key, f.name_key)) then 0.95
            else jaro_winkler_similarity(f.name_key, r.name_key)
        end as name_score,
        case
            when f.region_code is null or r.region_code is null then 0.10
            when f.region_code = r.region_code then 0.0
            -- A city-wide feed row may name a county project and the other way round.
            when f.region_code = r.parent_code or r.region_code = f.parent_code then 0.02
            else 0.30
        end as region_penalty
    from feed_keyed as f
    cross join report_keyed as r
),

ranked as (
    select
        *,
        name_score - region_penalty as score,
        row_number() over (partition by project_name, county_name order by name_score - region_penalty desc, project_key) as rank
    from scored
),

best_two as (
    select
        project_name,
        county_name,
        max(score) filter (where rank = 1) as best_score,
        any_value(project_key) filter (where rank = 1) as best_project_key,
        any_value(candidate_name) filter (where rank = 1) as best_candidate_name,
        max(score) filter (where rank = 2) as second_score,
        any_value(candidate_name) filter (where rank = 2) as second_candidate_name
    from ranked
    where rank <= 2
    group by project_name, county_name
),

final as (
    select
        f.project_name,
        f.county_name,
        f.region_code,
        f.name_key,
        f.n_rows,
        f.example_file_path,
        f.example_row_number,
        b.best_project_key as candidate_project_key,
        b.best_candidate_name as candidate_name,
        round(b.best_score, 4) as match_score,
        b.second_candidate_name,
        round(b.second_score, 4) as second_score,
        case
            when b.best_score is null or b.best_score < t.project_match_min_score then 'unmatched'
            when b.second_score is not null and b.best_score - b.second_score < t.project_match_margin then 'ambiguous'
            else 'matched'
        end as match_status
    from feed_keyed as f
    cross join thresholds as t
    left join best_two as b
        on f.project_name = b.project_name
        and f.county_name is not distinct from b.county_name
),

resolved as (
    select
        md5(concat_ws('|', project_name, coalesce(county_name, ''))) as feed_project_id,
        *,
        case when match_status = 'matched' then candidate_project_key end as project_key
    from final
)

select * from resolved
