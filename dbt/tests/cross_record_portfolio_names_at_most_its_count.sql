-- Cross-record: a portfolio never names more projects (project records inside its text span) than
-- its count. Severity: a WARNING for any (the count or a name is misread), BLOCKING above
-- `cross_record_errors_allowed`.
{{ config(severity='error', warn_if='>0', error_if='>' ~ var('cross_record_errors_allowed', 20)) }}

with portfolios as (
    select * from {{ ref('fct_project_portfolio') }}
),

milestones as (
    select * from {{ ref('fct_project_milestone') }}
),

named as (
    select
        portfolios.portfolio_key,
        any_value(portfolios.project_count) as project_count,
        count(milestones.milestone_key) as projects_named
    from portfolios
    inner join milestones
        on portfolios.document_key = milestones.document_key
        and milestones.char_start >= portfolios.char_start
        and milestones.char_end <= portfolios.char_end
    group by portfolios.portfolio_key
),

final as (
    select * from named where projects_named > project_count
)

select * from final
