{{ config(materialized='table') }}
-- A document's region name resolved to a division code; where a name is shared by several
-- divisions the highest level wins (a report is issued by a province before a county).
with documents as (
    select * from {{ ref('stg_planwatch__documents') }}
),

regions as (
    select * from {{ ref('regions') }}
),

candidates as (
    select
        documents.document_id,
        regions.region_code,
        regions.province_code,
        row_number() over (
            partition by documents.document_id
            order by case regions.level when 'country' then 0 when 'province' then 1 when 'city' then 2 else 3 end,
                     regions.region_code
        ) as preference
    from documents
    inner join regions
        on documents.region_name in (regions.region_name, regions.short_name)
),

final as (
    select
        documents.*,
        candidates.region_code,
        candidates.province_code
    from documents
    left join candidates
        on documents.document_id = candidates.document_id
        and candidates.preference = 1
)

select * from final
