package dev.tpsync.core.plan;

import java.util.List;

/**
 * Thrown when a plan cannot be uploaded; carries every problem found, not only the first.
 * The CLI maps it to exit code 65, and nothing is uploaded.
 */
public final class InvalidPlanException extends RuntimeException {

    private final List<PlanProblem> problems;

    public InvalidPlanException(List<PlanProblem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid plan has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<PlanProblem> problems() {
        return problems;
    }

    private static String summary(List<PlanProblem> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append(" in the plan:");
        for (PlanProblem p : problems) {
            sb.append(System.lineSeparator()).append("  ").append(p);
        }
        return sb.toString();
    }
}
