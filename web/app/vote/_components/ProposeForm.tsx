"use client";

import { useId, useState } from "react";
import { useWriteContract } from "wagmi";
import { z } from "zod";
import { regionGovernorAbi } from "../../../../sdk/src/generated/abis.ts";
import { checkParameterChanges, encodeParameterChanges } from "../../../../sdk/src/governance/propose.ts";
import { TxStatus } from "../../../components/TxStatus.tsx";
import { useConductorClient } from "../../../hooks/useConductorClient.ts";
import { useParameterHistory } from "../../../hooks/useGovernance.ts";
import { useRegion } from "../../../hooks/useRegion.ts";
import { useTx } from "../../../hooks/useTx.ts";
import { formatParam } from "../../../lib/format.ts";
import { firstIssue, parameterInputText, parameterValueSchema, UNIT_INPUT } from "../../../lib/forms.ts";
import { explainError } from "../../../lib/shortError.ts";

const Description = z.string().trim().min(1, "say in a sentence what the proposal does and why");

/**
 * Propose a change to one parameter. The form shows the parameter's bounds; a value outside them
 * is refused here (zod) and again by the governor's own check (`checkActions`) before signing.
 */
export function ProposeForm() {
  const ids = { param: useId(), value: useId(), description: useId(), bounds: useId() };
  const region = useRegion();
  const client = useConductorClient();
  const parameters = useParameterHistory().data ?? [];
  const [selected, setSelected] = useState("SalesTaxRate");
  const [refusal, setRefusal] = useState<string>();
  const tx = useTx();
  const { mutateAsync: writeContract } = useWriteContract();
  const param = parameters.find((p) => p.param === selected);
  const busy = tx.state.status === "signing" || tx.state.status === "pending";

  async function submit(form: FormData) {
    setRefusal(undefined);
    tx.reset();
    if (!param || !client) return setRefusal("the parameters are still loading");
    const show = (v: bigint) => formatParam(v, param.unit);
    const value = parameterValueSchema(param.unit, param.min, param.max, show).safeParse(
      String(form.get("value") ?? ""),
    );
    if (!value.success) return setRefusal(`${param.param} ${firstIssue(value.error)}`);
    const description = Description.safeParse(String(form.get("description") ?? ""));
    if (!description.success) return setRefusal(`Description: ${firstIssue(description.error)}`);
    const { targets, values, calldatas } = encodeParameterChanges(region.contracts.RegionParameters, [
      { param: param.param, value: value.data },
    ]);
    try {
      await checkParameterChanges(client, targets, calldatas);
    } catch (error) {
      return setRefusal(await explainError(error));
    }
    await tx.run("Proposal", () =>
      writeContract({
        address: region.contracts.Governor!,
        abi: regionGovernorAbi,
        functionName: "propose",
        args: [targets, values, calldatas, description.data],
        chainId: region.chainId,
      }),
    );
  }

  return (
    <section className="card" aria-labelledby="propose-title">
      <h2 id="propose-title">Propose a change</h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(new FormData(event.currentTarget));
        }}
      >
        <label htmlFor={ids.param}>Parameter</label>
        <select
          id={ids.param}
          name="param"
          value={selected}
          onChange={(event) => setSelected(event.target.value)}
          aria-describedby={ids.bounds}
        >
          {parameters.map((p) => (
            <option key={p.param} value={p.param}>
              {p.param}
            </option>
          ))}
        </select>
        <p id={ids.bounds} className="muted" data-testid="propose-bounds">
          {param
            ? `Today ${formatParam(param.value, param.unit)}; allowed ${formatParam(param.min, param.unit)} – ${formatParam(param.max, param.unit)}.`
            : "…"}
        </p>
        <label htmlFor={ids.value}>New value{param ? ` (${UNIT_INPUT[param.unit].label})` : ""}</label>
        <input
          id={ids.value}
          name="value"
          inputMode="decimal"
          required
          key={selected}
          placeholder={param ? parameterInputText(param.unit, param.value) : ""}
        />
        <label htmlFor={ids.description}>Description</label>
        <input id={ids.description} name="description" required placeholder="Lower the sales tax to 6 %" />
        <button type="submit" disabled={busy || !param}>
          Propose
        </button>
      </form>
      {refusal && (
        <p role="alert" className="error" data-testid="propose-refusal">
          Not proposed: {refusal}
        </p>
      )}
      <TxStatus state={tx.state} testId="propose-status" />
    </section>
  );
}
