package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Enterprise;

/**
 * An application (its original bytes) joined with the registry entry as it stood at submission;
 * {@code enterprise} is null when the enterprise was not registered then.
 */
// Carries bytes as they are; never compared, so array identity equality does not matter.
@SuppressWarnings("ArrayRecordComponent")
record Submission(byte[] application, Enterprise enterprise) {}
