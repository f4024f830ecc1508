import { Title } from '@mantine/core';

export function PageTitle(props: { children: string }) {
  return (
    <Title order={2} mb="md">
      {props.children}
    </Title>
  );
}
