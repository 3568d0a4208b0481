import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';

/** Where to go once signed in: back to the page that asked for it, else My Network. */
export function useAfterSignIn(): () => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return () => {
    queryClient.clear();
    const next = params.get('next');
    void navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/mynetwork', {
      replace: true,
    });
  };
}
