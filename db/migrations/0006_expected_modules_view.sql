-- What each active teacher must finish: the modules of the tiers they teach plus any module
-- assigned to them by name (lib/completion/expected.ts states the same rule for the app).
CREATE VIEW "expected_modules" AS
SELECT m."school_id", m."user_id", mo."id" AS "module_id", mo."tier"
FROM "memberships" m
JOIN "modules" mo ON NOT mo."retired"
  AND (mo."tier" = ANY (m."tiers")
       OR EXISTS (SELECT 1 FROM "assignments" a
                  WHERE a."school_id" = m."school_id" AND a."user_id" = m."user_id" AND a."module_id" = mo."id"))
WHERE m."active" AND m."role" = 'teacher';
