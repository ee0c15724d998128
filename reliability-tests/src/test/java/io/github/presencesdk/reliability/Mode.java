package io.github.presencesdk.reliability;

/** Which requests of an operation meet the fault. */
enum Mode {
  /** Every request, every attempt. */
  ALWAYS,
  /** The first attempt of each request; the retries get good answers. */
  FIRST_ATTEMPT,
  /**
   * Every attempt of the requests of one chunk of a bulk read; the other chunks get good answers.
   */
  ONE_CHUNK
}
