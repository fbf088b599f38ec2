-- The exact-duplicate key no longer folds case and punctuation and now includes the title (ContentFingerprint):
-- sha256(NFC(title stripped) || '\n\n' || NFC(clean_text)), recomputed here with the same formula. The new key is
-- stricter than the old one, so rows that were distinct stay distinct and the partial unique index holds.
update article
   set content_hash = encode(sha256(convert_to(
           normalize(btrim(coalesce(title, ''), E' \t\n\r\f\u000B'), NFC) || E'\n\n' || normalize(clean_text, NFC),
           'UTF8')), 'hex');
