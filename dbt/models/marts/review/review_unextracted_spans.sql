-- Reviewers' recall worklist: sentences that hold a quantity but produced no record.
with spans as (
    select * from {{ ref('stg_planwatch__unextracted_spans') }}
),

final as (
    select
        span_id,
        document_id as document_key,
        char_start,
        char_end,
        section_path,
        sentence_text
    from spans
)

select * from final
