-- The public catalog filters models by modality. The curated registry (issue 6) describes each model's input and
-- output modalities; until a model says otherwise it is text in, text out. "if not exists": the registry's own
-- migration may add the same columns (same type and default), whichever runs first.
alter table model add column if not exists input_modalities  text[] not null default '{text}';
alter table model add column if not exists output_modalities text[] not null default '{text}';

