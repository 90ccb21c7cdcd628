-- connector: where a tag of a mapped log's kind cell (lower case) stands among `kinds`, our kinds the
-- most telling first: through the mapping's [values.kind] (`keys` -> `values`; then without accents,
-- so "Reclamação" given catches Zendesk's unaccented "reclamacao" before a built-in word does), else
-- as one of ours as written ("revision request", "revision-request" and "revision_request" alike),
-- else, for a `whole` tag only, as a log kept in Spanish, Portuguese, French or German says one of
-- ours (queja, reclamação, plainte, Beschwerde...; without accents). Not word by word: "No urgente",
-- "Sin queja" and "Demande de résiliation" are refused, not read as urgent, a complaint or a request
-- (the reviewer's find). NULL: none of these.
CREATE OR REPLACE TEMP MACRO connector_kind_at(t, kinds, keys, vals, whole) AS
    list_position(kinds, coalesce(map_extract_value(MAP(keys, vals), t),
                                  vals[list_position(list_transform(keys, lambda k: strip_accents(k)),
                                                     strip_accents(t))],
                                  CASE WHEN list_contains(kinds, regexp_replace(t, '[\s-]+', '_', 'g'))
                                       THEN regexp_replace(t, '[\s-]+', '_', 'g') END,
                                  CASE WHEN whole THEN map_extract_value(MAP {
                                      'queja': 'complaint', 'reclamacion': 'complaint',
                                      'reclamacao': 'complaint', 'plainte': 'complaint',
                                      'reclamation': 'complaint', 'beschwerde': 'complaint',
                                      'reklamation': 'complaint',
                                      'elogio': 'praise', 'agradecimiento': 'praise',
                                      'agradecimento': 'praise', 'eloge': 'praise',
                                      'felicitations': 'praise', 'compliment': 'praise', 'lob': 'praise',
                                      'escalado': 'escalation', 'escalacion': 'escalation',
                                      'escalamento': 'escalation', 'escalade': 'escalation',
                                      'eskalation': 'escalation',
                                      'peticion de cambios': 'revision_request',
                                      'solicitud de cambios': 'revision_request',
                                      'pedido de alteracao': 'revision_request',
                                      'demande de modification': 'revision_request',
                                      'demande de modifications': 'revision_request',
                                      'anderungswunsch': 'revision_request',
                                      'peticion': 'request', 'solicitud': 'request', 'pedido': 'request',
                                      'solicitacao': 'request', 'demande': 'request', 'anfrage': 'request',
                                      'cambio de alcance': 'scope_change', 'mudanca de escopo': 'scope_change',
                                      'urgente': 'urgent_request', 'urgent': 'urgent_request',
                                      'dringend': 'urgent_request'},
                                      strip_accents(t)) END));
