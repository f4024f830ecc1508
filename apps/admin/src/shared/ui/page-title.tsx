import { Title } from '@mantine/core';

import { useDocumentTitle } from '../hooks/use-document-title';

export function PageTitle(props: { children: string }) {
  useDocumentTitle(props.children);

  return (
    <Title order={2} mb="md">
      {props.children}
    </Title>
  );
}
