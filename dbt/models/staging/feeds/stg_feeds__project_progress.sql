with source as (
    select * from {{ source('feeds', 'feed_project_progress') }}
),

-- A file's path, hash and load time are recorded once, for all its rows (raw.feed_files).
files as (
    select file_id, file_path, file_hash, loaded_at from {{ source('feeds', 'feed_files') }}
),

renamed as (
    select
        md5(concat_ws('|', file_path, row_number)) as feed_row_id,
        file_path,
        file_hash,
        row_number,
        trim(project_name) as project_name,
        trim(county) as county_name,
        period as period_label,
        period_start,
        period_end,
        period_months,
        is_cumulative,
        total_investment_base as total_investment_yuan,
        annual_planned_investment_base as annual_planned_investment_yuan,
        completed_investment_base as completed_investment_yuan,
        investment_unit,
        stage as stage_text,
        stage_code as stage_reached,
        loaded_at
    from source left join files using (file_id)
)

select * from renamed
