import type { ReactNode } from "react";

/** A form whose submission proposes a company transaction: `onFields` gets what was entered. */
export function ProposalForm({ onFields, children }: { onFields: (form: FormData) => void; children: ReactNode }) {
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        onFields(new FormData(event.currentTarget));
      }}
    >
      {children}
    </form>
  );
}
