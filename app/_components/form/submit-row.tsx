type Props = { label: string; pending: boolean; savedMessage?: string | null };

/** The submit button of a form and the announcement that it was saved. */
export function SubmitRow({ label, pending, savedMessage }: Props) {
  return (
    <>
      <button type="submit" className="button primary" disabled={pending}>
        {label}
      </button>
      {savedMessage && (
        <p className="notice success" role="status">
          {savedMessage}
        </p>
      )}
    </>
  );
}
