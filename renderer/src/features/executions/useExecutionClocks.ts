// The store's execution-report clock for one request revision (an authorisation still waiting for
// its execution record), so the request page shows it among the request's own clocks: the one
// `counterseal clocks` lists for it (getExecutionClock), none once the record is there.
import { useEffect, useState } from "react";
import type { ReviewClock } from "../../../../shared/api/review.js";
import { api } from "../../api/client.js";
import { failureFrom } from "../../store/failure.js";

export function useExecutionClocks(request: { authority: string; id: string; revision: number } | null): ReviewClock[] {
  const [clocks, setClocks] = useState<ReviewClock[]>([]);
  const key = request === null ? null : `${request.authority}/${request.id}/${request.revision}`;
  useEffect(() => {
    setClocks([]);
    if (request === null) return;
    let current = true;
    api.getExecutionClock({ authority: request.authority, id: request.id, revision: request.revision }).then(
      (clock) => {
        if (current) setClocks(clock === null ? [] : [clock]);
      },
      // Without the store's clocks the request's own still show; only a lock needs handling.
      (error: unknown) => void failureFrom(error),
    );
    return () => {
      current = false;
    };
    // The revision's reference is the key: a new object for the same revision reads nothing again.
  }, [key]);
  return clocks;
}
