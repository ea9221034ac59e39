-- Portfolio investment by category and year: the project groups reports count and total
-- (实施交通项目53个,总投资974亿元), summed per region, category and plan year, in 元 and 亿元.
with portfolios as (
    select * from {{ published_ref('fct_project_portfolio') }}
),

regions as (
    select * from {{ published_ref('dim_region') }}
),

summed as (
    select
        region_code,
        portfolio_year,
        coalesce(category, '(no category)') as category,
        cast(count(*) as bigint) as n_portfolios,
        cast(sum(project_count) as bigint) as n_projects,
        cast(sum(total_investment) as double) as total_investment_yuan,
        cast(sum(annual_investment) as double) as annual_investment_yuan
    from portfolios
    group by region_code, portfolio_year, coalesce(category, '(no category)')
),

final as (
    select
        md5(concat_ws('|', coalesce(summed.region_code, ''), summed.portfolio_year, summed.category)) as portfolio_group_key,
        summed.region_code,
        coalesce(regions.region_name, '(no region)') as region_name,
        summed.portfolio_year,
        summed.category,
        summed.n_portfolios,
        summed.n_projects,
        summed.total_investment_yuan,
        summed.annual_investment_yuan,
        round(summed.total_investment_yuan / 1e8, 2) as total_investment_100m_yuan,
        round(summed.annual_investment_yuan / 1e8, 2) as annual_investment_100m_yuan
    from summed
    left join regions
        on summed.region_code = regions.region_code
)

select * from final
