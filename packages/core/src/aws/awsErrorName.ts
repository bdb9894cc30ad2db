/**
 * The name of an AWS SDK error (`ConditionalCheckFailedException`, `QueueDoesNotExist`), or '' for
 * anything else. The query protocol prefixes some (`AWS.SimpleQueueService.NonExistentQueue`):
 * only the part after the last dot is kept.
 */
export function awsErrorName(error: unknown): string {
  const name = String((error as { name?: unknown })?.name ?? '')
  return name.slice(name.lastIndexOf('.') + 1)
}
