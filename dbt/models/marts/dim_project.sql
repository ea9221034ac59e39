-- One row per project: the same name in the same division across documents is one project. Its
-- region name and category are the latest plan year's (ties by record key, whatever the storage order).
with projects as (
    select * from {{ ref('int_projects_regioned') }}
),

final as (
    select
        project_key,
        any_value(project_name) as project_name,
        any_value(region_code) as region_code,
        arg_max(region_name, (plan_year, record_id)) as region_name,
        arg_max(category, (plan_year, record_id)) as category,
        min(plan_year) as first_plan_year,
        count(*) as n_mentions
    from projects
    group by project_key
)

select * from final
