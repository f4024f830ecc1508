import { EmptyState } from '@mantine/core';

export function EmptyBlock(props: { title: string; description?: string; testId?: string }) {
  return (
    <EmptyState
      py="xl"
      title={props.title}
      description={props.description}
      data-testid={props.testId ?? 'empty-state'}
    />
  );
}
