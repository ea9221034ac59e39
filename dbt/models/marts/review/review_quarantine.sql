-- Every file or feed row that was not loaded, and why.
with quarantine as (
    select * from {{ ref('stg_planwatch__quarantine') }}
),

final as (
    select * from quarantine
)

select * from final
