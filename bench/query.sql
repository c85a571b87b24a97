-- The benchmark's indicator query, the same for every SQL engine: the latest state of each dossier
-- (by updated_at), then per agency × month: intake counts by received month, completion counts by
-- completed month. Every column is read as text and cast here, so all engines see the same values.
WITH ranked AS (
  SELECT agency, dossier_id, channel, status, received_at, due_at, completed_at, fee, paid_online,
         result_digitised, satisfaction,
         row_number() OVER (PARTITION BY agency, dossier_id ORDER BY updated_at DESC) AS rn
  FROM records
), latest AS (SELECT * FROM ranked WHERE rn = 1),
r AS (
  SELECT agency, substr(received_at, 1, 7) AS month, count(*) AS received,
         sum(CASE WHEN channel = 'truc_tuyen' THEN 1 ELSE 0 END) AS online,
         sum(CASE WHEN CAST(fee AS BIGINT) > 0 THEN 1 ELSE 0 END) AS fee_bearing,
         sum(CASE WHEN CAST(fee AS BIGINT) > 0 AND paid_online = '1' THEN 1 ELSE 0 END) AS paid_online
  FROM latest GROUP BY 1, 2
), c AS (
  SELECT agency, substr(completed_at, 1, 7) AS month, count(*) AS completed,
         sum(CASE WHEN completed_at <= due_at THEN 1 ELSE 0 END) AS on_time,
         sum(CASE WHEN result_digitised = '1' THEN 1 ELSE 0 END) AS result_digitised,
         sum(CASE WHEN coalesce(satisfaction, '') <> '' THEN 1 ELSE 0 END) AS rated,
         sum(CASE WHEN coalesce(satisfaction, '') <> '' THEN CAST(satisfaction AS INTEGER) ELSE 0 END) AS rating_sum
  FROM latest WHERE status = 'hoan_thanh' GROUP BY 1, 2
)
SELECT coalesce(r.agency, c.agency) AS agency, coalesce(r.month, c.month) AS month,
       coalesce(received, 0) AS received, coalesce(online, 0) AS online, coalesce(fee_bearing, 0) AS fee_bearing,
       coalesce(paid_online, 0) AS paid_online, coalesce(completed, 0) AS completed, coalesce(on_time, 0) AS on_time,
       coalesce(result_digitised, 0) AS result_digitised, coalesce(rated, 0) AS rated,
       coalesce(rating_sum, 0) AS rating_sum
FROM r FULL OUTER JOIN c ON r.agency = c.agency AND r.month = c.month
ORDER BY 1, 2
