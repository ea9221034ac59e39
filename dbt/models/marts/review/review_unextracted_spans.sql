-- Reviewers' recall worklist: sentences that hold a quantity but produced no record, least certain
-- first: a sentence with no record at all, then one whose records the extractor was least sure of
-- (a figure set aside for want of an indicator shares its sentence with records that were read).
with spans as (
    select * from {{ ref('stg_planwatch__unextracted_spans') }}
),

records as (
    select * from {{ ref('stg_planwatch__records') }}
),

span_confidence as (
    select
        spans.span_id,
        min(records.confidence) as record_confidence
    from spans
    left join records
        on records.document_id = spans.document_id
        and records.char_start < spans.char_end
        and spans.char_start < records.char_end
    group by spans.span_id
),

final as (
    select
        spans.span_id,
        spans.document_id as document_key,
        spans.char_start,
        spans.char_end,
        spans.section_path,
        spans.sentence_text,
        span_confidence.record_confidence
    from spans
    inner join span_confidence
        on spans.span_id = span_confidence.span_id
    order by span_confidence.record_confidence nulls first, spans.document_id, spans.char_start
)

select * from final
