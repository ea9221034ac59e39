with regions as (
    select * from {{ ref('regions') }}
),

final as (
    select
        region_code,
        region_name,
        short_name,
        level,
        parent_code,
        province_code
    from regions
)

select * from final
