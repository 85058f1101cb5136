package dev.tpsync.core.plan;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * How to place a plan on the calendar.
 *
 * @param start the anchor: plan day 1, or the Monday of week 1. Null only for plans whose rows all
 *              carry explicit dates; a plan that needs it and lacks it is a plan problem.
 */
public record PlanReadOptions(@Nullable LocalDate start) {
}
